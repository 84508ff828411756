/** What use cases need of the storage's transactions, without naming any framework. */
package com.westbethel.motel.application.support;
