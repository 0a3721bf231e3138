/**
 * The shop's own site chat: the widget script, the visitor API with its sessions, rate limits and event stream.
 */
@NullMarked
package com.omnichat.channel.webchat;

import org.jspecify.annotations.NullMarked;
