package com.omnichat.channel.connector;

/** A plain (not secret) setting a channel type offers, e.g. a welcome text; {@code labelKey} is a translation key. */
public record SettingField(String name, String labelKey, boolean multiline) {}
