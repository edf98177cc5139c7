/**
 * Service provider interface for the optional legacy TLS module: {@link
 * io.jctds.tls.spi.LegacyTlsProvider}, found through {@link java.util.ServiceLoader} when {@code
 * enable tls v1 = yes} needs TLS 1.0/1.1.
 */
package io.jctds.tls.spi;
