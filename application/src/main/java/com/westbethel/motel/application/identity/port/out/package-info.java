/** What the identity use cases need: account storage, hashing, tokens, sessions, revocation. */
package com.westbethel.motel.application.identity.port.out;
