package cn.govcloud.rightsizing;

import java.time.LocalDate;

import cn.govcloud.inventory.SizedInstance;

/** One computed recommendation as it is written: the instance, the day, the mode. */
record StoredRecommendation(SizedInstance instance, LocalDate computedOn, Mode mode, Recommendation outcome) {
}
