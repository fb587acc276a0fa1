package cn.govcloud.world;

/** The tables a world writes, in an order where every reference is written first. */
final class Tables {

	private Tables() {
	}

	static Copy declare(Copy copy) {
		return copy.table(Cast.ORGANIZATION)
			.table(Cast.USER)
			.table(Cast.ROLE)
			.table(Tenders.LIST)
			.table(Tenders.LINE)
			.table(Registers.SYSTEM)
			.table(Registers.DOCUMENT)
			.table(Registers.STATUS)
			.table(Registers.EXEMPTION)
			.table(Applications.APPLICATION)
			.table(Applications.LINE)
			.table(Applications.REVISION)
			.table(Applications.EVENT)
			.table(Contracts.CONTRACT)
			.table(Contracts.LINE)
			.table(Contracts.VERSION)
			.table(Contracts.DOCUMENT)
			.table(Contracts.EVENT)
			.table(Contracts.PAYMENT)
			.table(Terminations.TERMINATION)
			.table(Provisioning.ORDER)
			.table(Provisioning.LINE)
			.table(Provisioning.INSTANCE)
			.table(Provisioning.ADDRESS)
			.table(Terminations.INSTANCE)
			.table(Scene.NOTIFICATION);
	}

}
