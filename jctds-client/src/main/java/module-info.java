/** jctds client library. Only API packages are exported. */
module io.jctds.client {
  exports io.jctds.config;
}
