package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.GeoPoint;
import java.util.Optional;

/** Where a client address is, when a GeoIP source knows; empty when it does not (or none is configured). */
public interface GeoLocator {

    Optional<GeoPoint> locate(String ipAddress);
}
