// A driver for the fuzz targets without libFuzzer, so the sanitizer build of `make test` runs
// them too (the coverage-guided libFuzzer run needs clang: `make fuzz`). It replays every file of
// the corpus folders, then runs `-runs=N` deterministic mutations of them (seeded by `-seed=S`):
// bit flips, byte insertions and deletions, range duplication, interesting values, splices.
// A crash, a sanitizer report or a failed invariant aborts the process, which fails the test.
//   fuzz_<name> [-runs=N] [-seed=S] CORPUS_DIR...
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

using Bytes = std::vector<uint8_t>;

void Run(const Bytes& b) { LLVMFuzzerTestOneInput(b.data(), b.size()); }

Bytes Mutate(Bytes b, const std::vector<Bytes>& corpus, std::mt19937_64& rng) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  static const uint8_t kInteresting[] = {0, 1, 0x7f, 0x80, 0xff, '"', '\\', '{', '}', '[', ']', ':', ',', '\r', '\n', ' ', '%', '/', '.', '0', '9', 'e', '-'};
  const int edits = 1 + static_cast<int>(pick(4));
  for (int e = 0; e < edits; ++e) {
    switch (pick(6)) {
      case 0:  // flip a bit
        if (!b.empty()) b[pick(b.size())] ^= static_cast<uint8_t>(1u << pick(8));
        break;
      case 1:  // insert an interesting byte
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(pick(b.size() + 1)), kInteresting[pick(std::size(kInteresting))]);
        break;
      case 2:  // delete a range
        if (!b.empty()) {
          size_t at = pick(b.size()), n = 1 + pick(std::min<size_t>(16, b.size() - at));
          b.erase(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + n));
        }
        break;
      case 3:  // duplicate a range
        if (!b.empty() && b.size() < 64 * 1024) {
          size_t at = pick(b.size()), n = 1 + pick(std::min<size_t>(64, b.size() - at));
          Bytes piece(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + n));
          b.insert(b.begin() + static_cast<std::ptrdiff_t>(pick(b.size() + 1)), piece.begin(), piece.end());
        }
        break;
      case 4:  // overwrite with a random byte
        if (!b.empty()) b[pick(b.size())] = static_cast<uint8_t>(rng());
        break;
      default: {  // splice with another input
        const Bytes& other = corpus[pick(corpus.size())];
        size_t cut = pick(b.size() + 1), from = pick(other.size() + 1);
        b.resize(cut);
        b.insert(b.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
        break;
      }
    }
  }
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  long runs = 2000;
  uint64_t seed = 1;
  std::vector<Bytes> corpus;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("-runs=", 0) == 0) {
      runs = std::atol(a.c_str() + 6);
    } else if (a.rfind("-seed=", 0) == 0) {
      seed = std::strtoull(a.c_str() + 6, nullptr, 10);
    } else if (std::filesystem::is_directory(a)) {
      for (const auto& f : std::filesystem::recursive_directory_iterator(a)) {
        if (!f.is_regular_file()) continue;
        std::ifstream in(f.path(), std::ios::binary);
        corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
    } else {
      std::fprintf(stderr, "usage: %s [-runs=N] [-seed=S] CORPUS_DIR...\n(not a folder: %s)\n", argv[0], a.c_str());
      return 2;
    }
  }
  if (corpus.empty()) corpus.emplace_back();
  for (const Bytes& b : corpus) Run(b);
  std::mt19937_64 rng(seed);
  for (long i = 0; i < runs; ++i) Run(Mutate(corpus[static_cast<size_t>(rng() % corpus.size())], corpus, rng));
  std::printf("%zu corpus inputs and %ld mutations: no crash\n", corpus.size(), runs);
  return 0;
}
