package com.omnichat.base;

import java.util.Locale;

/** Published by the layout when a user picks a language; the user module stores it. */
public record LanguageChanged(long userId, Locale language) {}
