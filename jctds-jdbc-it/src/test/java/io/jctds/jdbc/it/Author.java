package io.jctds.jdbc.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An author: identity id; the "one" side of {@link Book#author}. */
@Entity(name = "Author")
@Table(
    name = "author",
    uniqueConstraints = @UniqueConstraint(name = "uk_author_name", columnNames = "name"))
class Author {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false)
  String name;

  Author() {}

  Author(String name) {
    this.name = name;
  }
}
