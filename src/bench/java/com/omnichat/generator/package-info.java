/**
 * A data generator that fills a database with realistic inbox data fast (COPY), for
 * measuring at scale. Run it with {@code --omnichat.generate.conversations=N}; see README.
 */
@NullMarked
package com.omnichat.generator;

import org.jspecify.annotations.NullMarked;
