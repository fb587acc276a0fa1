package cn.govcloud.assessment;

/**
 * Where a supplier's assessment of a year stands (Art. 19): issued (the supplier may
 * object until the objection is due), objected (the Commission answers), final (the
 * score, the rules version and the payment ratio are fixed).
 */
public enum AssessmentStatus {

	ISSUED, OBJECTED, FINAL

}
