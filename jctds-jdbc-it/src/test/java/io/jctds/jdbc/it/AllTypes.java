package io.jctds.jdbc.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Nationalized;

/**
 * An entity with every basic type Hibernate ORM 7.4 maps ("Basic values" in its User Guide), an
 * identity id, an ordinal and a string enum, and String / byte[] {@code @Lob}s.
 */
@Entity(name = "AllTypes")
@Table(name = "all_types")
class AllTypes {
  enum Colour {
    RED,
    GREEN,
    BLUE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String text;

  @Nationalized String nationalText;

  int primitiveInt;
  Integer boxedInt;
  long primitiveLong;
  short primitiveShort;
  byte primitiveByte;
  boolean primitiveBoolean;
  Boolean boxedBoolean;
  double primitiveDouble;
  float primitiveFloat;
  char primitiveChar;

  @Column(precision = 19, scale = 4)
  BigDecimal money;

  BigInteger big;
  LocalDate localDate;
  LocalTime localTime;
  LocalDateTime localDateTime;
  OffsetDateTime offsetDateTime;
  Instant instant;
  Duration duration;
  UUID uuid;

  @Lob byte[] blob;

  @Lob String clob;

  @Lob @Nationalized String nclob;

  Colour ordinalColour;

  @Enumerated(EnumType.STRING)
  Colour namedColour;

  AllTypes() {}
}
