/** Text messages: logged in development, sent through Twilio's REST API where configured. */
package com.westbethel.motel.adapters.messaging.sms;
