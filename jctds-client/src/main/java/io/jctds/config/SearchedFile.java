package io.jctds.config;

import java.nio.file.Path;

/**
 * A configuration file candidate in FreeTDS's search order.
 *
 * @param path the path tried
 * @param how how it was found, e.g. {@code from $FREETDSCONF}, {@code .freetds.conf}, {@code
 *     default}
 * @param exists whether it exists (and can be read)
 */
public record SearchedFile(Path path, String how, boolean exists) {}
