/** HTTP for notifications: a guest's preferences, one-click unsubscribe links, and the administrators' email templates. */
package com.westbethel.motel.adapters.web.notification;
