/**
 * The sign-in page and the administration of staff users.
 */
@NullMarked
package com.omnichat.user.ui;

import org.jspecify.annotations.NullMarked;
