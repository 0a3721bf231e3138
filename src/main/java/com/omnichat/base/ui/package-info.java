/**
 * Shared UI building blocks (layout, headers, empty states, notifications) that every
 * module's views use: published as the {@code ui} named interface of the base module.
 */
@NamedInterface("ui")
@NullMarked
package com.omnichat.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
