package cn.govcloud.catalogue.web;

import cn.govcloud.shared.Readers;

/**
 * Who may do what with tender prices: the business roles read them (no administrator:
 * they keep to their own duties, ADR 0014); the Commission manager records them.
 */
final class PriceAccess {

	static final String READERS = Readers.BUSINESS;

	static final String MANAGER = "hasRole('COMMISSION_MANAGER')";

	private PriceAccess() {
	}

}
