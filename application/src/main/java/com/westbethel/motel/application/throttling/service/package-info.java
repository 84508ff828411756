/** The rate limits and how requests are counted against them. */
package com.westbethel.motel.application.throttling.service;
