"""Writes a sorted word list as a C++ include: string literals of newline-separated words, each far
below the 64 KiB literal size every C++ compiler must accept. Shared by english_words.py and
verb_words.py."""

CHUNK = 2500  # words per string literal


def write_word_list(path, comment_lines, array_name, words):
    chunks = [words[i:i + CHUNK] for i in range(0, len(words), CHUNK)]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in comment_lines:
            out.write(f"// {line}\n")
        out.write(f"inline constexpr std::array<std::string_view, {len(chunks)}> {array_name} = {{\n")
        for c in chunks:
            out.write('    R"(' + "\n".join(c) + '\n)",\n')
        out.write("};\n")
    print(f"{path}: {len(words)} words in {len(chunks)} chunks")
