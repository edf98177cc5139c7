package io.jctds.jdbc.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A review of a {@link Book}: an entity the first schema lacks, added by {@code hbm2ddl=update};
 * optimistically locked by {@code @Version}.
 */
@Entity(name = "Review")
@Table(name = "review")
class Review {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Version int version;

  int stars;

  @ManyToOne(optional = false)
  Book book;

  Review() {}

  Review(int stars, Book book) {
    this.stars = stars;
    this.book = book;
  }
}
