<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>LeadEditDialog</name>
    <message>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Fleet size</source>
        <translation>车队规模</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>添加车型</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>移除车型</translation>
    </message>
    <message>
        <source>Models of interest</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Purchase timeframe</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Financing</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Charging or swap</source>
        <translation>充电或换电</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>No consent recorded (version %1).</source>
        <translation>没有同意记录（版本 %1）。</translation>
    </message>
    <message>
        <source>Given %1, version %2 (kept as agreed; not editable).</source>
        <translation>%1 同意，版本 %2（按当时同意的内容保存，不可修改）。</translation>
    </message>
    <message>
        <source>Enter a whole number of vehicles.</source>
        <translation>请填写车辆数量（整数）。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Not saved: %1 Everything you typed is still here.</source>
        <translation>未保存：%1 您填写的内容都还在。</translation>
    </message>
    <message>
        <source>Not saved yet: please fix the marked fields.</source>
        <translation>尚未保存：请修改标出的内容。</translation>
    </message>
</context>
<context>
    <name>LeadFilterBar</name>
    <message>
        <source>Search leads: name, company, phone, e-mail, WeChat or pinyin (e.g. zhangsan)</source>
        <translation>搜索线索：姓名、单位、电话、邮箱、微信或拼音（例如 zhangsan）</translation>
    </message>
    <message>
        <source>Only not yet exported</source>
        <translation>只看尚未导出的</translation>
    </message>
    <message>
        <source>Leads not yet exported to Excel/CRM or synced to the manager&apos;s file</source>
        <translation>尚未导出到 Excel/CRM、也未同步到经理文件的线索</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Day the lead was captured</source>
        <translation>线索登记的日期</translation>
    </message>
    <message>
        <source>Any rating</source>
        <translation>全部评级</translation>
    </message>
    <message>
        <source>Hot or warm</source>
        <translation>热或温</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Any follow-up</source>
        <translation>全部跟进状态</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>仍在跟进</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Any staff</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Any model</source>
        <translation>全部车型</translation>
    </message>
</context>
<context>
    <name>LeadImportDialog</name>
    <message>
        <source>Import leads</source>
        <translation>导入线索</translation>
    </message>
    <message>
        <source>Leads collected elsewhere — paper forms typed later, another lead app&apos;s export — from a CSV file (UTF-8 or GB18030) or an Excel workbook (.xlsx). Columns are recognised by their Chinese or English names; check them below. Importing the same file again adds nothing; people already here are marked as possible duplicates, never merged silently.</source>
        <translation>导入在别处收集的线索（事后录入的纸质登记表、其他线索软件的导出），支持 CSV 文件（UTF-8 或 GB18030）和 Excel 工作簿（.xlsx）。程序按中文或英文列名识别各列，请在下方核对。同一文件再次导入不会重复添加；已有的人会标记为疑似重复，绝不会被悄悄合并。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose a file of leads</source>
        <translation>选择线索文件</translation>
    </message>
    <message>
        <source>Lead files (*.csv *.xlsx *.txt *.tsv)</source>
        <translation>线索文件 (*.csv *.xlsx *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>%1 data row(s); read as %2.</source>
        <translation>共 %1 行数据；按 %2 读取。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：没有导入任何数据。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>座机</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Fleet size</source>
        <translation>车队规模</translation>
    </message>
    <message>
        <source>Models of interest</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Follow-up status</source>
        <translation>跟进状态</translation>
    </message>
    <message>
        <source>Purchase timeframe</source>
        <translation>购买时间</translation>
    </message>
    <message>
        <source>Financing</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Charging or swap</source>
        <translation>充电或换电</translation>
    </message>
    <message>
        <source>Date captured</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Consent (yes/no)</source>
        <translation>是否同意（是/否）</translation>
    </message>
    <message>
        <source>Consent wording</source>
        <translation>同意内容</translation>
    </message>
    <message>
        <source>Consent version</source>
        <translation>同意书版本</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
</context>
<context>
    <name>LeadListActions</name>
    <message>
        <source>Managers only: sign in as a manager first.</source>
        <translation>仅限经理：请先以经理身份登录。</translation>
    </message>
    <message>
        <source>Requests of one person about their data</source>
        <translation>个人对其信息的请求</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Open / edit</source>
        <translation>打开/编辑</translation>
    </message>
    <message>
        <source>No rating</source>
        <translation>取消评级</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import leads…</source>
        <translation>导入线索…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Delete leads</source>
        <translation>删除线索</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n lead(s)? They disappear from the list, exports and reports. The deletion is recorded in the audit log and reaches other devices at the next merge.</source>
        <translation>
            <numerusform>删除 %n 条线索？它们将从列表、导出和报表中消失。删除操作会记入操作日志，并在下次合并时同步到其他设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import leads</source>
        <translation>导入线索</translation>
    </message>
    <message>
        <source>Only a manager can do this. Sign in as a manager first.</source>
        <translation>只有经理可以执行此操作，请先以经理身份登录。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) changed</source>
        <translation>
            <numerusform>已修改 %n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Folder for the personal-data files</source>
        <translation>个人信息副本的保存文件夹</translation>
    </message>
</context>
<context>
    <name>LeadListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Models of interest</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>接待人员</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Click to sort by this column; click again to reverse</source>
        <translation>点击按此列排序；再次点击反向排序</translation>
    </message>
    <message>
        <source>WeChat: %1</source>
        <translation>微信：%1</translation>
    </message>
    <message>
        <source>⚑ Possibly the same person as another lead (see duplicates)</source>
        <translation>⚑ 可能与另一条线索是同一人（见重复线索）</translation>
    </message>
    <message>
        <source>Not yet exported or synced</source>
        <translation>尚未导出或同步</translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message>
        <source>This column cannot be sorted; sort by name, company, rating or capture time.</source>
        <translation>此列不能排序；可按姓名、单位、评级或登记时间排序。</translation>
    </message>
    <message>
        <source>The leads could not be read: %1</source>
        <translation>无法读取线索：%1</translation>
    </message>
    <message>
        <source>Counting leads…</source>
        <translation>正在统计线索…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s)</source>
        <translation>
            <numerusform>共 %Ln 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet exported: counting…</source>
        <translation>尚未导出：正在统计…</translation>
    </message>
    <message>
        <source>Not yet exported or synced: %1</source>
        <translation>尚未导出或同步：%1</translation>
    </message>
    <message>
        <source>No lead matches the search and filters. Try fewer letters, another spelling or “Clear filters”.</source>
        <translation>没有符合搜索和筛选条件的线索。请少输几个字、换一种写法，或点“清除筛选”。</translation>
    </message>
    <message>
        <source>No leads yet. Leads captured on the Capture tab, left at the kiosk or imported from a file (managers: “Import leads…”) appear here.</source>
        <translation>还没有线索。在“采集”页登记、在自助屏留下或从文件导入（经理：“导入线索…”）的线索会显示在这里。</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>The lead was saved.</source>
        <translation>线索已保存。</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>All leads</source>
        <translation>全部线索</translation>
    </message>
    <message>
        <source>Capture a visitor at the booth</source>
        <translation>在展位登记访客</translation>
    </message>
    <message>
        <source>Search, rate and follow up every lead; import; data requests</source>
        <translation>搜索、评级和跟进全部线索；导入；个人信息请求</translation>
    </message>
</context>
<context>
    <name>PersonalDataActions</name>
    <message>
        <source>Export this person&apos;s data…</source>
        <translation>导出此人的信息…</translation>
    </message>
    <message>
        <source>A copy of everything kept about this person: JSON and a readable PDF</source>
        <translation>此人全部信息的副本：JSON 和便于阅读的 PDF</translation>
    </message>
    <message>
        <source>Delete this person…</source>
        <translation>删除此人…</translation>
    </message>
    <message>
        <source>Erase this person&apos;s personal data everywhere (the deletion is recorded)</source>
        <translation>在各处抹除此人的个人信息（删除操作会被记录）</translation>
    </message>
    <message>
        <source>Export this person&apos;s data</source>
        <translation>导出此人的信息</translation>
    </message>
    <message>
        <source>The copy of this person&apos;s data was saved:
%1
%2

Give it only to the person themselves. The export is recorded in the audit log.</source>
        <translation>此人信息的副本已保存：
%1
%2

只能交给本人。此次导出已记入操作日志。</translation>
    </message>
    <message>
        <source>Personal data saved in %1</source>
        <translation>个人信息副本已保存在 %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Delete this person</source>
        <translation>删除此人</translation>
    </message>
    <message>
        <source>Delete %1 at their request?

Name, phone, e-mail, WeChat, notes and badge data are erased from this lead and from leads merged into it. This cannot be undone. A record without personal data stays, so that merging another device&apos;s file cannot bring the person back. The deletion is recorded in the audit log.</source>
        <translation>应本人要求删除 %1？

将从这条线索及合并进来的线索中抹除姓名、电话、邮箱、微信、备注和胸卡信息，且无法恢复。会保留一条不含个人信息的记录，以免合并其他设备的文件时此人再次出现。此次删除会记入操作日志。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>The person was deleted (%n record(s) erased).</source>
        <translation>
            <numerusform>已删除此人（抹除 %n 条记录）。</numerusform>
        </translation>
    </message>
</context>
</TS>
