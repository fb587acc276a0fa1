package cn.govcloud.inventory;

import java.time.LocalDate;

/** The day an instance was reclaimed: its last billed day (Art. 9). */
record ReclaimForm(LocalDate reclaimedOn) {
}
