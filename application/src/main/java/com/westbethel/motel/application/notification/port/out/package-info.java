/** What the notification use cases need from storage and the mail route. */
package com.westbethel.motel.application.notification.port.out;
