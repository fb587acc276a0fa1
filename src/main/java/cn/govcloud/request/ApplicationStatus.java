package cn.govcloud.request;

/** Where a resource application stands. APPROVED, REJECTED and WITHDRAWN are final. */
public enum ApplicationStatus {

	DRAFT, SUBMITTED, RETURNED, WITHDRAWN, APPROVED, REJECTED;

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public boolean fin() {
		return this == WITHDRAWN || this == APPROVED || this == REJECTED;
	}

}
