<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>EditorFields</name>
    <message>
        <source>This form</source>
        <translation>本意向书</translation>
    </message>
    <message>
        <source>Buyer (as on the business licence)</source>
        <translation>买方（与营业执照一致）</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Payment and financing</source>
        <translation>付款与融资</translation>
    </message>
    <message>
        <source>Charging, swap and after-sales</source>
        <translation>充换电与售后</translation>
    </message>
    <message>
        <source>Validity and terms</source>
        <translation>有效期与条款</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <source>Print language</source>
        <translation>打印语言</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>From lead</source>
        <translation>来自线索</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Legal or authorised representative</source>
        <translation>法定代表人或授权代表</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>The price includes</source>
        <translation>价格包含</translation>
    </message>
    <message>
        <source>The price does not include</source>
        <translation>价格不含</translation>
    </message>
    <message>
        <source>Expected date</source>
        <translation>预计交付日期</translation>
    </message>
    <message>
        <source>Days after the contract</source>
        <translation>合同签订后天数</translation>
    </message>
    <message>
        <source>Place of delivery</source>
        <translation>交付地点</translation>
    </message>
    <message>
        <source>Transport cost</source>
        <translation>运输费用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>分期期限（月）</translation>
    </message>
    <message>
        <source>Bank, lessor or swap operator</source>
        <translation>银行、租赁公司或换电运营商</translation>
    </message>
    <message>
        <source>Charging / swap support</source>
        <translation>充换电支持</translation>
    </message>
    <message>
        <source>After-sales and warranty</source>
        <translation>售后与质保</translation>
    </message>
    <message>
        <source>Confirm within</source>
        <translation>确认期限</translation>
    </message>
    <message>
        <source>Non-binding clause</source>
        <translation>不具约束力条款</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91520900MA6HQ1L28D</source>
        <translation>18 位，例如 91520900MA6HQ1L28D</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>EditorHeader</name>
    <message>
        <source>New intent form</source>
        <translation>新建意向书</translation>
    </message>
    <message>
        <source> · revision %1</source>
        <translation> · 第 %1 版</translation>
    </message>
    <message>
        <source>An earlier revision, kept as printed. It cannot be changed.</source>
        <translation>这是较早的版本，按打印时的内容保留，不能修改。</translation>
    </message>
    <message>
        <source>Signed: this form can no longer be changed. Duplicate it to start a new one.</source>
        <translation>已签署：本意向书不能再修改。如需变更，请复制为新的意向书。</translation>
    </message>
    <message>
        <source>Cancelled: this form can no longer be changed.</source>
        <translation>已作废：本意向书不能再修改。</translation>
    </message>
    <message>
        <source>Printed: saving changes makes revision %1; the printed revision is kept as it is.</source>
        <translation>已打印：保存修改将生成第 %1 版，已打印的版本原样保留。</translation>
    </message>
    <message>
        <source>← Intent forms</source>
        <translation>← 意向书列表</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>标记为已签署</translation>
    </message>
    <message>
        <source>Cancel form…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Duplicate as new</source>
        <translation>复制为新意向书</translation>
    </message>
</context>
<context>
    <name>IntentActions</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print %1 intent forms</source>
        <translation>打印 %1 份意向书</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Making PDF %1 of %2…</source>
        <translation>正在生成 PDF（%1/%2）…</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Printed %1 form(s), %2 page(s).</source>
        <translation>已打印 %1 份意向书，共 %2 页。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving PDF</source>
        <translation>正在保存 PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled: nothing was marked printed.</source>
        <translation>已取消：没有意向书被标记为已打印。</translation>
    </message>
    <message>
        <source>Cancel this intent form</source>
        <translation>作废本意向书</translation>
    </message>
    <message>
        <source>The form stays in the list, marked cancelled, and can no longer be changed. Why is it cancelled? (optional)</source>
        <translation>意向书仍保留在列表中，标记为已作废，且不能再修改。作废原因（可选）：</translation>
    </message>
    <message>
        <source>Cancel the form</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Mark as signed</source>
        <translation>标记为已签署</translation>
    </message>
    <message>
        <source>Have both parties signed (and sealed) the printed form? A signed form is printed without the DRAFT mark and can no longer be changed.</source>
        <translation>双方是否已在打印的意向书上签字（盖章）？已签署的意向书打印时不再带“草稿”水印，且不能再修改。</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>标记为已签署</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>IntentEditor</name>
    <message>
        <source>Not added (sold by another exhibitor): %1</source>
        <translation>未添加（由其他参展商销售）：%1</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请修改标出的内容。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Saved as revision %1 of %2; the printed revision is kept.</source>
        <translation>已保存为 %2 的第 %1 版；已打印的版本保留不变。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>A new form with the same content; save it to keep it.</source>
        <translation>已按相同内容新建意向书，保存后生效。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>This intent form has changes that are not saved.</source>
        <translation>本意向书有尚未保存的修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>IntentFilterBar</name>
    <message>
        <source>Search: reference, buyer, contact person, model or announcement no.</source>
        <translation>搜索：编号、买方、联系人、车型或公告型号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All sellers</source>
        <translation>全部卖方</translation>
    </message>
</context>
<context>
    <name>IntentListModel</name>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买方</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>卖方</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Value (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source> (rev. %1)</source>
        <translation>（第 %1 版）</translation>
    </message>
</context>
<context>
    <name>IntentsPage</name>
    <message>
        <source>The intent forms could not be read: %1</source>
        <translation>无法读取意向书：%1</translation>
    </message>
    <message>
        <source>Intent forms: %1</source>
        <translation>意向书：%1 份</translation>
    </message>
    <message>
        <source>Print %1 forms…</source>
        <translation>打印 %1 份…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Intent form</source>
        <translation>意向书</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Unsaved intent form</source>
        <translation>未保存的意向书</translation>
    </message>
    <message>
        <source>An intent form was being edited and not saved (autosaved at %1). Open it again?</source>
        <translation>有一份意向书编辑后尚未保存（自动保存于 %1）。要重新打开吗？</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Throw it away</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Purchase intent forms</source>
        <translation>购车意向书</translation>
    </message>
    <message>
        <source>New from lead…</source>
        <translation>从线索新建…</translation>
    </message>
    <message>
        <source>New blank form</source>
        <translation>新建空白意向书</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>标记为已签署</translation>
    </message>
    <message>
        <source>Cancel form…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a form</source>
        <translation>双击或按回车键打开意向书</translation>
    </message>
</context>
<context>
    <name>LeadPickerDialog</name>
    <message>
        <source>New intent form from a lead</source>
        <translation>从线索新建意向书</translation>
    </message>
    <message>
        <source>Choose the visitor: the buyer&apos;s company and contact and the models they are interested in are filled in for you.</source>
        <translation>请选择客户：买方单位、联系人及意向车型将自动填入。</translation>
    </message>
    <message>
        <source>Search leads: name, company, phone or e-mail</source>
        <translation>搜索线索：姓名、单位、电话或邮箱</translation>
    </message>
    <message>
        <source>No lead matches.</source>
        <translation>没有符合条件的线索。</translation>
    </message>
    <message>
        <source>%1 model(s)</source>
        <translation>%1 个车型</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Announcement no.</source>
        <translation>公告型号</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Charge / swap</source>
        <translation>充电/换电</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (CNY)</source>
        <translation>参考单价（元）</translation>
    </message>
    <message>
        <source>Subtotal (CNY)</source>
        <translation>小计（元）</translation>
    </message>
    <message>
        <source>TCO page</source>
        <translation>TCO 附页</translation>
    </message>
</context>
<context>
    <name>ModelPickerDialog</name>
    <message>
        <source>Add a model</source>
        <translation>添加车型</translation>
    </message>
    <message>
        <source>Type part of a name, maker, model code or announcement no.</source>
        <translation>输入车型名称、厂商、车型代码或公告型号的一部分</translation>
    </message>
    <message>
        <source>Search the catalog</source>
        <translation>搜索车型目录</translation>
    </message>
    <message>
        <source>No model matches.</source>
        <translation>没有符合条件的车型。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview — %1</source>
        <translation>预览 — %1</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>VehiclesSection</name>
    <message>
        <source>Line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Total: %1 unit(s) · ¥%2</source>
        <translation>合计：%1 台 · ¥%2</translation>
    </message>
    <message>
        <source>In words: RMB %1</source>
        <translation>大写：人民币%1</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Add model…</source>
        <translation>添加车型…</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加空行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Move the line up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the line down</source>
        <translation>下移</translation>
    </message>
</context>
</TS>
