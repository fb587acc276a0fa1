/**
 * PDF building blocks any module may use for a printed report (PDFBox): a document with a
 * cover and page numbers ({@link cn.govcloud.shared.pdf.PdfDocument}), a table that
 * breaks across pages repeating its header ({@link cn.govcloud.shared.pdf.PdfTable}),
 * simple bar and line charts drawn as vector graphics
 * ({@link cn.govcloud.shared.pdf.PdfChart}), and the Chinese font embedded as a subset
 * ({@link cn.govcloud.shared.pdf.CjkFont}, ADR 0028). A report's layout stays in its
 * module.
 */
@org.springframework.modulith.NamedInterface("pdf")
package cn.govcloud.shared.pdf;
