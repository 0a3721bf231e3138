@NullMarked
package com.omnichat.sales;

import org.jspecify.annotations.NullMarked;
