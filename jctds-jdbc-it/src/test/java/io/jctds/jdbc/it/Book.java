package io.jctds.jdbc.it;

import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A book: sequence id (CREATE SEQUENCE / NEXT VALUE FOR), many books to one {@link Author}. */
@Entity(name = "Book")
@Table(name = "book")
class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "book_seq")
  @SequenceGenerator(name = "book_seq", sequenceName = "book_seq", allocationSize = 5)
  Long id;

  String title;

  int pages;

  BigDecimal price;

  @ManyToOne(optional = false)
  @JoinColumn(name = "author_id", foreignKey = @ForeignKey(name = "fk_book_author"))
  Author author;

  Book() {}

  Book(String title, int pages, BigDecimal price, Author author) {
    this.title = title;
    this.pages = pages;
    this.price = price;
    this.author = author;
  }
}
