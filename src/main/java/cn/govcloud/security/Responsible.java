package cn.govcloud.security;

/** Who rectifies a finding: the unit that owns the system, or a supplier (Art. 14). */
public enum Responsible {

	UNIT, SUPPLIER

}
