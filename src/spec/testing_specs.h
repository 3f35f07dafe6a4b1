// Sample specs shared by tests of several layers (test-only; not linked into the product).
#pragma once

#include "spec/app_spec.h"
#include "spec/validate.h"

namespace bf::spec::testing {

// A blog: User, Post (owned, enum status), Comment (owned, belongs to Post), Tag (catalog),
// Post<->Tag many-to-many. Features: auth, roles, realtime. Valid.
inline AppSpec BlogSpec() {
  AppSpec s;
  s.name = "blog-api";
  s.title = "Blog API";
  s.description = "A blog with posts, comments and tags.";
  s.features = {Feature::kAuth, Feature::kRoles, Feature::kRealtime};
  s.roles = {"admin", "user"};
  Entity user{.name = "User", .plural = "Users"};
  user.fields = {Field{.name = "name", .type = FieldType::kString, .required = true, .maxLength = 100},
                 Field{.name = "email", .type = FieldType::kEmail, .required = true, .unique = true},
                 Field{.name = "bio", .type = FieldType::kText}};
  Entity post{.name = "Post", .plural = "Posts"};
  post.fields = {Field{.name = "title", .type = FieldType::kString, .required = true, .maxLength = 200},
                 Field{.name = "body", .type = FieldType::kText, .required = true},
                 Field{.name = "status", .type = FieldType::kEnum, .defaultValue = "draft",
                       .enumValues = {"draft", "published"}},
                 Field{.name = "publishedAt", .type = FieldType::kDateTime},
                 Field{.name = "views", .type = FieldType::kInteger, .defaultValue = 0, .min = 0.0}};
  post.owner = "author";
  Entity comment{.name = "Comment", .plural = "Comments"};
  comment.fields = {Field{.name = "body", .type = FieldType::kText, .required = true}};
  comment.owner = "author";
  Entity tag{.name = "Tag", .plural = "Tags"};
  tag.fields = {Field{.name = "name", .type = FieldType::kString, .required = true, .unique = true}};
  s.entities = {user, post, comment, tag};
  s.relations = {
      Relation{.from = "User", .to = "Post", .kind = RelationKind::kOneToMany, .name = "posts",
               .inverse = "author", .required = true, .onDelete = OnDelete::kCascade},
      Relation{.from = "User", .to = "Comment", .kind = RelationKind::kOneToMany, .name = "comments",
               .inverse = "author", .required = true, .onDelete = OnDelete::kCascade},
      Relation{.from = "Post", .to = "Comment", .kind = RelationKind::kOneToMany, .name = "comments",
               .inverse = "post", .required = true, .onDelete = OnDelete::kCascade},
      Relation{.from = "Post", .to = "Tag", .kind = RelationKind::kManyToMany, .name = "tags",
               .inverse = "posts", .onDelete = OnDelete::kCascade},
  };
  Normalize(s);
  return s;
}

}  // namespace bf::spec::testing
