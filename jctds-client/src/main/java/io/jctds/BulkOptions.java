package io.jctds;

import java.util.List;
import java.util.Objects;

/**
 * Options of {@link Connection#bulkInsert(String, Iterable, BulkOptions)}: the batch size and the
 * hints of {@code INSERT BULK ... WITH (...)} (T-SQL's BULK INSERT hints). Immutable; build with
 * {@link #builder()}.
 *
 * @param batchSize rows per batch (0: all rows in one batch). Each batch is its own INSERT BULK and
 *     BulkLoadBCP message and is committed by the server on its own, as k-cTDS's batch_size.
 * @param tablock TABLOCK: a table lock for the duration of each batch
 * @param autoEncode Strings for char/varchar/text columns are encoded in the column collation's
 *     code page (a character it lacks is a DataError) instead of being sent as nvarchar
 * @param order ORDER(columns): the order the rows come in, e.g. {@code "id"} or {@code "id DESC"}
 * @param checkConstraints CHECK_CONSTRAINTS: check CHECK and FOREIGN KEY constraints
 * @param keepNulls KEEP_NULLS: a NULL stays NULL instead of taking the column default
 * @param keepIdentity KEEP_IDENTITY: identity columns take the rows' values
 * @param rowsPerBatch ROWS_PER_BATCH = n (0: not sent), a hint for the optimiser
 * @param kilobytesPerBatch KILOBYTES_PER_BATCH = n (0: not sent), a hint for the optimiser
 */
public record BulkOptions(
    int batchSize,
    boolean tablock,
    boolean autoEncode,
    List<String> order,
    boolean checkConstraints,
    boolean keepNulls,
    boolean keepIdentity,
    int rowsPerBatch,
    int kilobytesPerBatch) {

  /** No batching, no hints, Strings sent as nvarchar. */
  public static final BulkOptions DEFAULTS = builder().build();

  /** Checks the values. */
  public BulkOptions {
    if (batchSize < 0 || rowsPerBatch < 0 || kilobytesPerBatch < 0) {
      throw new IllegalArgumentException(
          "batchSize, rowsPerBatch and kilobytesPerBatch must be 0 or more");
    }
    order = List.copyOf(order);
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BulkOptions}. */
  public static final class Builder {
    private int batchSize;
    private boolean tablock;
    private boolean autoEncode;
    private List<String> order = List.of();
    private boolean checkConstraints;
    private boolean keepNulls;
    private boolean keepIdentity;
    private int rowsPerBatch;
    private int kilobytesPerBatch;

    private Builder() {}

    /** See {@link BulkOptions#batchSize()}. */
    public Builder batchSize(int n) {
      this.batchSize = n;
      return this;
    }

    /** See {@link BulkOptions#tablock()}. */
    public Builder tablock(boolean on) {
      this.tablock = on;
      return this;
    }

    /** See {@link BulkOptions#autoEncode()}. */
    public Builder autoEncode(boolean on) {
      this.autoEncode = on;
      return this;
    }

    /** See {@link BulkOptions#order()}. */
    public Builder order(String... columns) {
      this.order = List.of(columns);
      return this;
    }

    /** See {@link BulkOptions#order()}. */
    public Builder order(List<String> columns) {
      this.order = Objects.requireNonNull(columns, "columns");
      return this;
    }

    /** See {@link BulkOptions#checkConstraints()}. */
    public Builder checkConstraints(boolean on) {
      this.checkConstraints = on;
      return this;
    }

    /** See {@link BulkOptions#keepNulls()}. */
    public Builder keepNulls(boolean on) {
      this.keepNulls = on;
      return this;
    }

    /** See {@link BulkOptions#keepIdentity()}. */
    public Builder keepIdentity(boolean on) {
      this.keepIdentity = on;
      return this;
    }

    /** See {@link BulkOptions#rowsPerBatch()}. */
    public Builder rowsPerBatch(int n) {
      this.rowsPerBatch = n;
      return this;
    }

    /** See {@link BulkOptions#kilobytesPerBatch()}. */
    public Builder kilobytesPerBatch(int n) {
      this.kilobytesPerBatch = n;
      return this;
    }

    /** The options. */
    public BulkOptions build() {
      return new BulkOptions(
          batchSize,
          tablock,
          autoEncode,
          order,
          checkConstraints,
          keepNulls,
          keepIdentity,
          rowsPerBatch,
          kilobytesPerBatch);
    }
  }
}
