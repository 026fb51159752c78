#!/usr/bin/env python3
"""Writes tests/annex/huyen-2023-word.docx: an annex as Word lays it out — a title and
the decision above the table, a header on two rows (STT and Tiêu chí merged vertically,
Điểm spanning Tối đa / Tự chấm / Thẩm định), multi-paragraph cells, option rows.
Kept so the fixture can be read and remade; the test reads the .docx itself."""
import zipfile, os
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def p(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

def cell(paras, span=1, vmerge=None):
    pr = ''
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == 'restart':
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == 'continue':
        pr += '<w:vMerge/>'
    body = ''.join(p(t) for t in paras) or '<w:p/>'
    return f'<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>'

def row(cells):
    return '<w:tr>' + ''.join(cells) + '</w:tr>'

rows = [
    row([cell(['STT'], vmerge='restart'), cell(['Lĩnh vực, tiêu chí, tiêu chí thành phần'], vmerge='restart'),
         cell(['Điểm'], span=3), cell(['Tài liệu kiểm chứng'], vmerge='restart')]),
    row([cell([], vmerge='continue'), cell([], vmerge='continue'), cell(['Tối đa']), cell(['Tự chấm']),
         cell(['Thẩm định']), cell([], vmerge='continue')]),
]
def data(code, title, points, evidence=None):
    paras = title if isinstance(title, list) else [title]
    return row([cell([code] if code else []), cell(paras), cell([points] if points else []), cell([]), cell([]),
                cell([evidence] if evidence else [])])

rows += [
    data('1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', '5'),
    data('1.1', ['Ban hành kế hoạch CCHC năm', 'Ban hành trước ngày 01/01 năm kế hoạch (tính từ ngày ký)'], '1',
         'Kế hoạch CCHC'),
    data('', 'Ban hành kịp thời', '1'),
    data('', 'Ban hành không kịp thời', '0,5'),
    data('', 'Không ban hành', '0'),
    data('1.2', ['Tỷ lệ văn bản chỉ đạo được thực hiện', 'Đạt 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm'], '2'),
    data('1.3', 'Các nội dung tuyên truyền CCHC', '2', 'Bài viết, hình ảnh'),
    data('', 'Trên Cổng thông tin điện tử', '1'),
    data('', 'Trên hệ thống truyền thanh cơ sở', '0,5'),
    data('', 'Hình thức khác', '0,5'),
    data('2', 'CHỈ SỐ HÀI LÒNG', '3'),
    data('2.1', 'Mức độ hài lòng của người dân, tổ chức (ĐTXHH)', '3'),
    data('', 'Tổng số điểm', '8'),
]
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
            + p('PHỤ LỤC') + p('BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023')
            + p('(Kèm theo Quyết định số 789/QĐ-UBND ngày 20/02/2023 của UBND tỉnh)')
            + '<w:tbl><w:tblGrid>' + '<w:gridCol/>' * 6 + '</w:tblGrid>' + ''.join(rows) + '</w:tbl>'
            + p('') + '</w:body></w:document>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'huyen-2023-word.docx')
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in [('[Content_Types].xml', content_types), ('_rels/.rels', rels), ('word/document.xml', document)]:
        info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text)
