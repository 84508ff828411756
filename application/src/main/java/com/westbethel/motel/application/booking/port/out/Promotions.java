package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import java.util.Optional;

public interface Promotions {

    Optional<Promotion> byCode(String code);
}
