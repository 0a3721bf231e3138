/** Facebook Messenger (a Page's inbox): the Page webhook and the Send API through the Graph API. */
@NullMarked
package com.omnichat.channel.messenger;

import org.jspecify.annotations.NullMarked;
