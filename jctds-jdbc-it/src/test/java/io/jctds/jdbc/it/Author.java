package io.jctds.jdbc.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An author: identity id; the "one" side of {@link Book#author}. */
@Entity(name = "Author")
@Table(name = "author")
class Author {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, unique = true)
  String name;

  Author() {}

  Author(String name) {
    this.name = name;
  }
}
