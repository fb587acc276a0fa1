package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Imports a price list from the Excel template: every line or none (Art. 5). Bad cells
 * are named {@code rows[12].D}, with the row and column in the message too.
 */
@Service
public class PriceImport {

	private final PriceListWorkbook workbook;

	private final PriceLists lists;

	PriceImport(PriceListWorkbook workbook, PriceLists lists) {
		this.workbook = workbook;
		this.lists = lists;
	}

	public UUID importList(UUID supplierId, String tenderNumber, LocalDate awardedOn, String note, byte[] xlsx) {
		PriceListWorkbook.Rows rows = this.workbook.read(xlsx);
		PriceListForm form = new PriceListForm(supplierId, tenderNumber, awardedOn, note, rows.lines());
		return this.lists.create(form, (line, column) -> PriceListWorkbook.cell(rows.rowNumbers().get(line), column),
				rows.problems());
	}

	public byte[] template() {
		return this.workbook.template();
	}

	public byte[] export(UUID supplierId) {
		return this.workbook.export(this.lists.all(supplierId));
	}

	public byte[] export(PriceList list) {
		return this.workbook.export(java.util.List.of(list));
	}

}
