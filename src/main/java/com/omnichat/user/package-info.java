/**
 * Staff users, roles, sign-in (with throttling) and the users administration.
 */
@NullMarked
package com.omnichat.user;

import org.jspecify.annotations.NullMarked;
