package cn.govcloud.security;

import java.time.LocalDate;

/** A yearly emergency drill as the supplier plans it (Art. 14). */
public record DrillForm(String plan, String scenario, LocalDate heldOn, String participants) {
}
