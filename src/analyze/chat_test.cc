#include <algorithm>

#include <gtest/gtest.h>

#include "analyze/analyzer.h"
#include "analyze/test_util.h"
#include "spec/validate.h"

namespace bf::analyze {
namespace {

using testing::HasDirected;
using testing::HasRelation;

class ChatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ChatReply r = Chat(st_, "A blog backend with user authentication, posts and comments.");
    ASSERT_EQ(r.kind, ChatReply::kPlanned) << r.text;
    ASSERT_TRUE(st_.spec);
  }
  ChatReply Say(const std::string& m) {
    ChatReply r = Chat(st_, m);
    if (st_.spec) {
      EXPECT_TRUE(spec::Validate(*st_.spec).empty());
    }
    return r;
  }
  const spec::Entity* E(const std::string& n) { return st_.spec->FindEntity(n); }
  ChatState st_;
};

TEST_F(ChatTest, AddsLikesAsJoinEntity) {
  ChatReply r = Say("also add likes");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Like"));
  bool to_post = false;
  for (const auto& rel : st_.spec->relations) to_post |= rel.from == "Post" && rel.to == "Like";
  EXPECT_TRUE(to_post);
}

TEST_F(ChatTest, AddsCommentsToPosts) {
  Say("drop the Comment entity");
  ASSERT_FALSE(E("Comment"));
  ChatReply r = Say("add comments to posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Comment"));
  bool link = false;
  for (const auto& rel : st_.spec->relations) link |= rel.from == "Post" && rel.to == "Comment";
  EXPECT_TRUE(link);
}

TEST_F(ChatTest, RenamesEntity) {
  ChatReply r = Say("rename Post to Article");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Article"));
  EXPECT_FALSE(E("Post"));
}

TEST_F(ChatTest, SetsStack) {
  ChatReply r = Say("use Python with PostgreSQL");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(st_.spec->stack.language, "python");
  EXPECT_EQ(st_.spec->stack.database, "postgres");
}

TEST_F(ChatTest, MakesFieldUnique) {
  Say("posts need a slug");
  Say("make slug unique");
  const spec::Field* f = E("Post")->FindField("slug");
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->unique);
}

TEST_F(ChatTest, AddsFieldFromSubject) {
  ChatReply r = Say("posts need a subtitle");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Post")->FindField("subtitle"));
}

TEST_F(ChatTest, PronounRefersToLastEntity) {
  Say("add comments to posts");
  Say("rename Post to Article");
  ChatReply r = Say("add a rating to it");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* f = E("Article")->FindField("rating");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->type, spec::FieldType::kNumber);
}

TEST_F(ChatTest, RemovesFeatureAndEntity) {
  Say("add notifications");
  ASSERT_TRUE(st_.spec->HasFeature(spec::Feature::kNotifications));
  ChatReply r = Say("remove notifications");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(st_.spec->HasFeature(spec::Feature::kNotifications));
  EXPECT_FALSE(E("Notification"));
}

TEST_F(ChatTest, DropsEntity) {
  Say("add tags to posts");
  ASSERT_TRUE(E("Tag"));
  ChatReply r = Say("drop the Tag entity");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(E("Tag"));
}

TEST_F(ChatTest, UndoRestoresExactly) {
  spec::AppSpec before = *st_.spec;
  Say("rename Post to Article");
  Say("posts need a subtitle");  // Post no longer exists: clarify, no change
  Say("add a subtitle to articles");
  ChatReply u1 = Say("undo");
  EXPECT_EQ(u1.kind, ChatReply::kUndone);
  ChatReply u2 = Say("undo");
  EXPECT_EQ(u2.kind, ChatReply::kUndone);
  EXPECT_EQ(*st_.spec, before);
  EXPECT_EQ(Say("undo").kind, ChatReply::kNoChange);
}

TEST_F(ChatTest, UnclearMessageClarifiesWithoutChange) {
  spec::AppSpec before = *st_.spec;
  ChatReply r = Say("hmm, make it better somehow");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_FALSE(r.questions.empty());
  EXPECT_EQ(*st_.spec, before);
}

TEST_F(ChatTest, KeepsConversationMemory) {
  size_t n = st_.turns.size();
  Say("add comments to posts");
  EXPECT_EQ(st_.turns.size(), n + 2);
  EXPECT_EQ(st_.turns[n].role, "user");
  EXPECT_EQ(st_.turns[n + 1].role, "assistant");
}

TEST(ChatFlow, ClarifyThenAcceptDefaults) {
  ChatState st;
  ChatReply r = Chat(st, "I want a platform that connects people with other people for stuff. Kind of a marketplace "
                         "but also kind of social, maybe with payments, maybe not. Keep it generic enough.");
  ASSERT_EQ(r.kind, ChatReply::kClarify) << r.text;
  ASSERT_FALSE(r.questions.empty());
  r = Chat(st, "yes");
  ASSERT_EQ(r.kind, ChatReply::kPlanned) << r.text;
  ASSERT_TRUE(st.spec);
  EXPECT_TRUE(spec::Validate(*st.spec).empty());
}

TEST(ChatFlow, ContradictionAnsweredInOwnWordsPlans) {
  ChatState st;
  ChatReply r = Chat(st, "Counselling bookings. Clients stay completely anonymous, no names no phone numbers, "
                         "but the system sends every patient a reminder SMS before the session.");
  ASSERT_EQ(r.kind, ChatReply::kClarify) << r.text;
  ASSERT_EQ(r.questions.size(), 1u);
  EXPECT_EQ(r.questions[0].id, "contradiction");
  r = Chat(st, "keep them anonymous");
  ASSERT_EQ(r.kind, ChatReply::kPlanned) << r.text;
  EXPECT_NE(r.text.find("anonymous"), std::string::npos) << r.text;  // the choice is among the assumptions
}

TEST(ChatFlow, RefusesHarmfulFollowUp) {
  ChatState st;
  ASSERT_EQ(Chat(st, "A blog with posts and comments").kind, ChatReply::kPlanned);
  spec::AppSpec before = *st.spec;
  ChatReply r = Chat(st, "also add a hidden keylogger module that sends captured passwords from victims to our C2 server");
  EXPECT_EQ(r.kind, ChatReply::kRefused);
  EXPECT_EQ(*st.spec, before);
}

}  // namespace
TEST_F(ChatTest, AddsAnEntityWithTheFieldsOfItsWithClause) {
  ChatReply r = Say("add a review entity with a rating from 1 to 5 and a comment");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Entity* review = E("Review");
  ASSERT_TRUE(review) << r.text;
  const spec::Field* rating = nullptr;
  bool comment = false;
  for (const auto& f : review->fields) {
    if (f.name == "rating") rating = &f;
    comment |= f.name == "comment";
  }
  ASSERT_TRUE(rating);
  EXPECT_EQ(rating->type, spec::FieldType::kInteger);
  EXPECT_EQ(rating->min, 1);
  EXPECT_EQ(rating->max, 5);
  EXPECT_TRUE(comment);
  // "to 5" is part of the field list, not a target entity.
  for (const auto& rel : st_.spec->relations) EXPECT_FALSE(rel.to == "Review" && rel.from == "Comment");
}

// "change the type of X to T", "make X a T", "X of E should be a T": the field keeps its name and
// flags, loses constraints its new type cannot carry; a field already of that type is said so.
TEST_F(ChatTest, ChangesFieldTypes) {
  ASSERT_EQ(Say("posts need a subtitle").kind, ChatReply::kEdited);
  ASSERT_EQ(Say("add a price field to posts").kind, ChatReply::kEdited);
  ChatReply r = Say("change the type of price to integer");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(E("Post")->FindField("price")->type, spec::FieldType::kInteger);
  r = Say("the price of posts should be a decimal");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(E("Post")->FindField("price")->type, spec::FieldType::kNumber);
  ASSERT_EQ(Say("make subtitle required").kind, ChatReply::kEdited);
  r = Say("make subtitle a text");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(E("Post")->FindField("subtitle")->type, spec::FieldType::kText);
  EXPECT_TRUE(E("Post")->FindField("subtitle")->required);
  spec::AppSpec before = *st_.spec;
  r = Say("change price to decimal");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("already number"), std::string::npos) << r.text;
  r = Say("change the type of colour to integer");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("\"colour\""), std::string::npos) << r.text;
  EXPECT_EQ(*st_.spec, before);
  // Undo restores the previous type.
  ASSERT_EQ(Say("undo").kind, ChatReply::kUndone);
  EXPECT_EQ(E("Post")->FindField("subtitle")->type, spec::FieldType::kString);
}

// Values after a colon make the added field an enum, or give an existing field those values.
TEST_F(ChatTest, ColonListMakesAnEnumField) {
  ChatReply r = Say("add a priority field to posts: low, medium or high");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* f = E("Post")->FindField("priority");
  ASSERT_TRUE(f) << r.text;
  EXPECT_EQ(f->type, spec::FieldType::kEnum);
  EXPECT_EQ(f->enumValues, (std::vector<std::string>{"low", "medium", "high"}));
  r = Say("add a priority field to posts: low / urgent");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(E("Post")->FindField("priority")->enumValues, (std::vector<std::string>{"low", "urgent"}));
  EXPECT_EQ(Say("undo").kind, ChatReply::kUndone);
  EXPECT_EQ(E("Post")->FindField("priority")->enumValues.size(), 3u);
}

// "posts belong to categories", "a post has many X", "each comment has a rating from 1 to 5".
TEST_F(ChatTest, HasAndBelongsToStatements) {
  ChatReply r = Say("posts belong to collections");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Collection"));
  EXPECT_TRUE(HasRelation(*st_.spec, "Collection", "Post", spec::RelationKind::kManyToMany)) << r.text;
  r = Say("a post has many attachments");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Attachment"));
  EXPECT_TRUE(HasDirected(*st_.spec, "Post", "Attachment", spec::RelationKind::kOneToMany)) << r.text;
  r = Say("each comment has a rating from 1 to 5");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* rating = E("Comment")->FindField("rating");
  ASSERT_TRUE(rating) << r.text;
  EXPECT_EQ(rating->type, spec::FieldType::kInteger);
  EXPECT_EQ(rating->max, 5);
  // Already related, already there, or about no entity: nothing changes and the user is told.
  spec::AppSpec before = *st_.spec;
  r = Say("posts have many comments");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("already related"), std::string::npos) << r.text;
  r = Say("each comment has a rating");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("already has rating"), std::string::npos) << r.text;
  EXPECT_EQ(Say("the app has a dark mode").kind, ChatReply::kClarify);
  EXPECT_EQ(*st_.spec, before);
  // A role word stands for the login entity when it is no record of its own.
  r = Say("a member has many addresses");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Address")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "User", "Address", spec::RelationKind::kOneToMany)) << r.text;
  ASSERT_EQ(Say("undo").kind, ChatReply::kUndone);
  EXPECT_EQ(*st_.spec, before);
}

// "remove the price field" finds the field wherever it is, even after talking about another entity.
TEST_F(ChatTest, RemovesAFieldTheMessageDoesNotPlace) {
  ASSERT_EQ(Say("add a price field to posts").kind, ChatReply::kEdited);
  ASSERT_EQ(Say("comments need a score").kind, ChatReply::kEdited);
  ChatReply r = Say("remove the price field");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(E("Post")->FindField("price"));
}

// "rename the title field of posts to headline" renames the field, never the entity.
TEST_F(ChatTest, RenamesAFieldOfANamedEntity) {
  ChatReply r = Say("rename the title field of posts to headline");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Post")) << r.text;
  EXPECT_TRUE(E("Post")->FindField("headline"));
  EXPECT_FALSE(E("Post")->FindField("title"));
  r = Say("rename post headline to caption");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Post")) << r.text;
  EXPECT_TRUE(E("Post")->FindField("caption"));
}

// Several roles in one message; roles that exist are skipped, and said so when nothing is new.
TEST_F(ChatTest, AddsSeveralRoles) {
  ChatReply r = Say("add an auditor role and a support agent role");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  auto has = [&](const std::string& role) {
    return std::find(st_.spec->roles.begin(), st_.spec->roles.end(), role) != st_.spec->roles.end();
  };
  EXPECT_TRUE(has("auditor"));
  EXPECT_TRUE(has("support_agent"));
  r = Say("add auditor and reviewer roles");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(has("reviewer"));
  r = Say("add an auditor role");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("already exist"), std::string::npos) << r.text;
}

// "add a boolean field pinned to posts": the type word before "field" is the type, not the name;
// a field the entity has is said so.
TEST_F(ChatTest, TypeWordBeforeFieldAndExistingFields) {
  ChatReply r = Say("add a boolean field pinned to posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Post")->FindField("pinned")) << r.text;
  EXPECT_EQ(E("Post")->FindField("pinned")->type, spec::FieldType::kBoolean);
  r = Say("add a pinned field to posts");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("Post already has pinned"), std::string::npos) << r.text;
}

// Questions about the spec are answered and change nothing.
TEST_F(ChatTest, AnswersQuestionsAboutTheSpec) {
  spec::AppSpec before = *st_.spec;
  ChatReply r = Say("what entities are there?");
  EXPECT_EQ(r.kind, ChatReply::kNoChange);
  EXPECT_NE(r.text.find("Post ("), std::string::npos) << r.text;
  r = Say("show the fields of posts");
  EXPECT_EQ(r.kind, ChatReply::kNoChange);
  EXPECT_NE(r.text.find("- title (string"), std::string::npos) << r.text;
  EXPECT_EQ(*st_.spec, before);
}

// Everyday phrasings: uploads, units, "don't need", "... and make it unique", several fields at
// once, bounds, following, and "it" for the field just added.
TEST_F(ChatTest, EverydayPhrasings) {
  ChatReply r = Say("let users upload photos to posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(st_.spec->HasFeature(spec::Feature::kFileUploads));
  ASSERT_TRUE(E("Photo")) << r.text;
  r = Say("posts should have a reading time in minutes");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Post")->FindField("readingTimeMinutes")) << r.text;
  EXPECT_EQ(E("Post")->FindField("readingTimeMinutes")->type, spec::FieldType::kInteger);
  EXPECT_FALSE(E("ReadingTimeInMinute")) << r.text;
  r = Say("add a permalink to posts and make it unique");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Post")->FindField("permalink")) << r.text;
  EXPECT_TRUE(E("Post")->FindField("permalink")->unique);
  r = Say("make title and permalink required");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Post")->FindField("title")->required);
  EXPECT_TRUE(E("Post")->FindField("permalink")->required);
  ASSERT_EQ(Say("add a score to posts").kind, ChatReply::kEdited);
  r = Say("make it between 1 and 10");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* score = E("Post")->FindField("score");
  ASSERT_TRUE(score);
  EXPECT_TRUE(spec::IsNumeric(score->type));
  EXPECT_EQ(score->min, 1);
  EXPECT_EQ(score->max, 10);
  r = Say("users can follow other users");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "User", "User", spec::RelationKind::kManyToMany));
  EXPECT_EQ(Say("users can follow each other").kind, ChatReply::kClarify);  // already
  r = Say("we don't need comments anymore");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(E("Comment"));
}

// Several instructions in one message are one edit (one undo); if one is not understood, nothing
// changes and the reply names it; one that is already so is skipped.
TEST_F(ChatTest, SeveralInstructionsInOneMessage) {
  const spec::AppSpec before = *st_.spec;
  ChatReply r = Say("add a subtitle to posts. make the title unique, and then remove comments");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Post")->FindField("subtitle"));
  EXPECT_TRUE(E("Post")->FindField("title")->unique);
  EXPECT_FALSE(E("Comment"));
  ASSERT_EQ(Say("undo").kind, ChatReply::kUndone);
  EXPECT_EQ(*st_.spec, before);
  r = Say("add a subtitle to posts. frobnicate the widgets.");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("\"frobnicate the widgets\""), std::string::npos) << r.text;
  EXPECT_EQ(*st_.spec, before);
  r = Say("add a review entity with a rating from 1 to 5 and a comment; a review belongs to a post");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Review"));
  EXPECT_TRUE(E("Review")->FindField("rating"));
  // Names keep their spelling when the message is cut into instructions.
  r = Say("use Node.js with PostgreSQL. add a teaser to posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_EQ(st_.spec->stack.database, "postgres");
  EXPECT_TRUE(E("Post")->FindField("teaser"));
}

// A flag or preposition before the command verb does not bound its phrase (this read a range
// backwards and threw before).
TEST_F(ChatTest, WordsBeforeTheVerbAreNotItsArguments) {
  const spec::AppSpec before = *st_.spec;
  EXPECT_EQ(Say("unique have make in").kind, ChatReply::kClarify);
  EXPECT_EQ(Say("from remove x").kind, ChatReply::kClarify);
  EXPECT_EQ(*st_.spec, before);
}

// "posts should have a teaser and a reading level": one field per item.
TEST_F(ChatTest, SeveralFieldsInOneAddition) {
  ChatReply r = Say("posts should have a teaser and a reading level");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Post")->FindField("teaser")) << r.text;
  EXPECT_TRUE(E("Post")->FindField("readingLevel")) << r.text;
  EXPECT_FALSE(E("Post")->FindField("teaserAndReadingLevel")) << r.text;
  r = Say("add a start and end date to posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Post")->FindField("startDate")) << r.text;
  EXPECT_TRUE(E("Post")->FindField("endDate")) << r.text;
  // Only the item before the colon takes the values; a role word stands for the login entity.
  r = Say("members should have a phone number and a membership level: basic, premium or vip");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("User")->FindField("membershipLevel")) << r.text;
  EXPECT_EQ(E("User")->FindField("membershipLevel")->type, spec::FieldType::kEnum);
  ASSERT_TRUE(E("User")->FindField("phoneNumber")) << r.text;
  EXPECT_NE(E("User")->FindField("phoneNumber")->type, spec::FieldType::kEnum);
  const spec::AppSpec before = *st_.spec;
  r = Say("add soft delete");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("Soft delete is not"), std::string::npos) << r.text;
  EXPECT_EQ(*st_.spec, before);
}

// "users can review posts", "members borrow books": the record an act leaves, linked to both sides.
TEST_F(ChatTest, ActsBetweenTwoEntitiesLeaveARecord) {
  ChatReply r = Say("users can review posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Review")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "User", "Review", spec::RelationKind::kOneToMany)) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "Post", "Review", spec::RelationKind::kOneToMany)) << r.text;
  r = Say("users can review posts");
  EXPECT_EQ(r.kind, ChatReply::kClarify);
  EXPECT_NE(r.text.find("already linked"), std::string::npos) << r.text;
  r = Say("members enroll in posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(E("Enrollment")) << r.text;
}

// "users can like posts", "each user can bookmark many posts": the reactions are records of their
// own too; "posts can be pinned" is a yes/no flag, "posts can be assigned to topics" a
// relation; "make estimate a number between 0 and 100"
// changes the type and the bounds at once.
TEST_F(ChatTest, ReactionsFlagsAndTypedBounds) {
  ChatReply r = Say("users can like posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Like")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "Post", "Like", spec::RelationKind::kOneToMany)) << r.text;
  r = Say("each user can bookmark many posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Bookmark")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "Post", "Bookmark", spec::RelationKind::kOneToMany)) << r.text;

  r = Say("posts can be pinned");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* pinned = E("Post")->FindField("pinned");
  ASSERT_TRUE(pinned) << r.text;
  EXPECT_EQ(pinned->type, spec::FieldType::kBoolean);
  EXPECT_EQ(pinned->defaultValue, nlohmann::json(false));
  EXPECT_EQ(Say("posts can be pinned").kind, ChatReply::kClarify);  // already so
  // "can be assigned to topics" is a relation, not a flag: posts belong to topics.
  r = Say("posts can be assigned to topics");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(E("Post")->FindField("assigned"));
  ASSERT_TRUE(E("Topic")) << r.text;
  EXPECT_TRUE(HasRelation(*st_.spec, "Topic", "Post", spec::RelationKind::kManyToMany)) << r.text;
  r = Say("a bookmark is filed under a folder");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "Folder", "Bookmark", spec::RelationKind::kOneToMany)) << r.text;
  // "people" acting are the logins.
  r = Say("people can rate posts");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Rating")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "User", "Rating", spec::RelationKind::kOneToMany)) << r.text;

  ASSERT_EQ(Say("add an estimate field to posts").kind, ChatReply::kEdited);
  r = Say("make estimate a number between 0 and 100");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  const spec::Field* est = E("Post")->FindField("estimate");
  ASSERT_TRUE(est) << r.text;
  EXPECT_EQ(est->type, spec::FieldType::kNumber);
  EXPECT_EQ(est->min, 0);
  EXPECT_EQ(est->max, 100);
}

// A new record added to the login entity is linked to it, owned or not.
TEST_F(ChatTest, RecordsAddedToUsersAreLinked) {
  ChatReply r = Say("add addresses to users");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  ASSERT_TRUE(E("Address")) << r.text;
  EXPECT_TRUE(HasDirected(*st_.spec, "User", "Address", spec::RelationKind::kOneToMany)) << r.text;
  int links = 0;  // an owned record gets its owner link once
  ASSERT_EQ(Say("add bookmarks to users").kind, ChatReply::kEdited);
  for (const auto& rel : st_.spec->relations) links += rel.from == "User" && rel.to == "Bookmark";
  EXPECT_EQ(links, 1);
}

// Random follow-ups built from the words the intent readers look for: after every reply the spec
// is valid, a reply that is not an edit changes nothing, and an edit is undone exactly.
TEST(ChatProperty, RandomFollowUpsKeepTheSpecValidAndUndoable) {
  const std::vector<std::string> verbs = {"add", "remove", "rename", "make", "change", "set", "delete", "", "each",
                                          "show", "what"};
  const std::vector<std::string> words = {
      "post", "posts", "comment", "comments", "user", "users", "tag", "tags", "title", "body", "price", "status",
      "field", "the", "a", "an", "to", "of", "on", "in", "from", "with", "and", "or", "has", "have", "many",
      "belongs", "belong", "should", "be", "type", "integer", "decimal", "boolean", "text", "date", "enum",
      "role", "roles", "admin", "editor", "unique", "required", "optional", "it", "them", "1", "5", "rating",
      "category", "categories", "search", "notifications", "entity", ":", ",", "draft", "published", "upload",
      "photos", "follow", "between", "minutes", "don't", "need", "make", "get", "rid", "what", "show", ".", "then", "add", "remove", "can",
      "review", "borrow", "like", "bookmark", "pinned", "hidden", "number"};
  ChatState st;
  ASSERT_EQ(Chat(st, "A blog backend with user authentication, posts and comments.").kind, ChatReply::kPlanned);
  uint32_t seed = 12345;
  auto next = [&](size_t n) {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<size_t>((seed >> 8) % n);
  };
  int edits = 0;
  for (int round = 0; round < 300; ++round) {
    std::string msg = verbs[next(verbs.size())];
    const size_t len = 1 + next(8);
    for (size_t k = 0; k < len; ++k) msg += " " + words[next(words.size())];
    const spec::AppSpec before = *st.spec;
    ChatReply r = Chat(st, msg);
    ASSERT_TRUE(st.spec) << msg;
    auto issues = spec::Validate(*st.spec);
    ASSERT_TRUE(issues.empty()) << msg << ": " << issues.front().ToString();
    if (r.kind != ChatReply::kEdited) {
      EXPECT_EQ(*st.spec, before) << msg << " -> " << r.text;
      continue;
    }
    ++edits;
    if (round % 2 == 0) continue;  // keep half of the edits, so later messages meet a changed spec
    ASSERT_EQ(Chat(st, "undo").kind, ChatReply::kUndone) << msg;
    ASSERT_EQ(*st.spec, before) << msg;
  }
  EXPECT_GE(edits, 15);  // the grammar does reach the edit paths
}

// "make email unique" when it already is: nothing changes, the user is told, and there is nothing
// new to undo.
TEST_F(ChatTest, MakingAFieldWhatItAlreadyIsChangesNothing) {
  ASSERT_TRUE(E("User")->FindField("email")->unique);
  const size_t undos = st_.undo.size();
  const spec::AppSpec before = *st_.spec;
  ChatReply r = Say("make email unique");
  EXPECT_EQ(r.kind, ChatReply::kClarify) << r.text;
  EXPECT_NE(r.text.find("User.email is already unique"), std::string::npos) << r.text;
  EXPECT_EQ(*st_.spec, before);
  EXPECT_EQ(st_.undo.size(), undos);
  // Among several instructions the one already done is skipped and the rest applied.
  r = Say("make email unique and make the title optional");
  ASSERT_EQ(r.kind, ChatReply::kEdited) << r.text;
  EXPECT_FALSE(E("Post")->FindField("title")->required);
}

}  // namespace bf::analyze
