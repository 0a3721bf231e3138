/**
 * The application: its entry point; the features live in the sub-packages, one module each.
 */
@NullMarked
package com.omnichat;

import org.jspecify.annotations.NullMarked;
