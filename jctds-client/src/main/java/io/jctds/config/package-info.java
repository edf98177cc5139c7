/**
 * freetds.conf: parsing, the FreeTDS search order, and resolution of a server name into a {@code
 * ServerEntry}, exactly as FreeTDS 1.5 does it.
 */
package io.jctds.config;
