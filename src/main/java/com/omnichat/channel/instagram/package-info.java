/**
 * Instagram Direct and comments on the shop's posts: the Instagram webhook ({@code messaging[]}
 * and {@code changes[]}), the Send API, answers under comments, private replies, post links.
 */
@NullMarked
package com.omnichat.channel.instagram;

import org.jspecify.annotations.NullMarked;
