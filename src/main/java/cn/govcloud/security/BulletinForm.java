package cn.govcloud.security;

import java.time.YearMonth;

/** A monthly security bulletin as the supplier writes it (Art. 14). */
public record BulletinForm(YearMonth period, String vulnerabilities, String incidents, String threats, String advice) {
}
