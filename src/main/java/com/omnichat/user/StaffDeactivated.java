package com.omnichat.user;

/** Published when a user is deactivated; his open sessions end. */
public record StaffDeactivated(long userId) {}
