package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Price lists as Excel (Art. 5): the template GovCloud gives out, the import that takes
 * every line or none — each bad cell named {@code rows[12].D}, with its row, column and
 * reason — and the exports, whose text cells can never become formulas.
 */
@Service
class PriceImport {

	/** The content type of an xlsx workbook. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final PriceListWorkbook workbook;

	private final PriceLists lists;

	PriceImport(PriceListWorkbook workbook, PriceLists lists) {
		this.workbook = workbook;
		this.lists = lists;
	}

	/**
	 * Records the list of an uploaded sheet, whole or not at all.
	 * @param supersedes an earlier list of the supplier that this one supersedes, or
	 * {@code null}
	 * @return the new list's id
	 */
	public UUID importList(UUID supplierId, String tenderNumber, LocalDate awardedOn, String note, UUID supersedes,
			byte[] xlsx) {
		PriceSheet.Rows rows = PriceSheet.read(xlsx);
		PriceListForm form = new PriceListForm(supplierId, tenderNumber, awardedOn, note, supersedes, rows.lines());
		return this.lists.create(form, PriceSheet.names(rows.rowNumbers()), rows.problems());
	}

	/** The import template, with the kinds and their billed dimensions as help. */
	public byte[] template() {
		return this.workbook.template();
	}

	/** Every list of a supplier, oldest award first. */
	public byte[] export(UUID supplierId, Locale locale) {
		return this.workbook.export(this.lists.all(supplierId), locale);
	}

	public byte[] export(PriceList list, Locale locale) {
		return this.workbook.export(List.of(list), locale);
	}

}
