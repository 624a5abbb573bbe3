<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Export leads…</source>
        <translation>导出线索…</translation>
    </message>
    <message>
        <source>Fair report…</source>
        <translation>展会报告…</translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Save the leads as Excel, CSV, a CRM import file or vCards.</source>
        <translation>把线索保存为 Excel、CSV、CRM 导入文件或电子名片（vCard）。</translation>
    </message>
    <message>
        <source>Only a manager can export leads (they hold personal data).</source>
        <translation>只有经理可以导出线索（其中含有个人信息）。</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) · updated %1</source>
        <translation>
            <numerusform>%n 条线索 · 更新于 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <source>Exported %1 lead(s) to %2</source>
        <translation>已导出 %1 条线索到 %2</translation>
    </message>
    <message>
        <source>fair-report</source>
        <translation>展会报告</translation>
    </message>
    <message>
        <source>Save the fair report</source>
        <translation>保存展会报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the fair report…</source>
        <translation>正在生成展会报告…</translation>
    </message>
    <message>
        <source>Fair report saved: %1</source>
        <translation>展会报告已保存：%1</translation>
    </message>
    <message>
        <source>The fair report was not saved: %1</source>
        <translation>展会报告未能保存：%1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>No leads yet.</source>
        <translation>尚无线索。</translation>
    </message>
    <message>
        <source>Leads by day</source>
        <translation>按日期的线索</translation>
    </message>
    <message>
        <source>Leads by hour of day (%1)</source>
        <translation>按时段的线索（%1）</translation>
    </message>
    <message>
        <source>Models with the most leads</source>
        <translation>线索最多的车型</translation>
    </message>
    <message>
        <source>No lead has named a model yet.</source>
        <translation>尚无线索选择意向车型。</translation>
    </message>
    <message>
        <source>Leads by rating</source>
        <translation>按评级的线索</translation>
    </message>
    <message>
        <source>Leads by industry</source>
        <translation>按行业的线索</translation>
    </message>
    <message>
        <source>Leads by source</source>
        <translation>按来源的线索</translation>
    </message>
    <message>
        <source>No purchase intents yet.</source>
        <translation>尚无购车意向书。</translation>
    </message>
    <message>
        <source>Units in purchase intents, by status</source>
        <translation>按状态的意向书台数</translation>
    </message>
    <message>
        <source>Value of intents by model (%1, not cancelled)</source>
        <translation>按车型的意向书金额（%1，不含作废）</translation>
    </message>
    <message>
        <source>10,000 CNY</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>thousand CNY</source>
        <translation>千元</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>热线索</translation>
    </message>
    <message>
        <source>Units of interest</source>
        <translation>意向台数</translation>
    </message>
    <message>
        <source>Models with interest</source>
        <translation>有意向的车型</translation>
    </message>
    <message>
        <source>Purchase intents</source>
        <translation>购车意向书</translation>
    </message>
    <message>
        <source>Units in intents</source>
        <translation>意向书台数</translation>
    </message>
    <message>
        <source>Value of intents</source>
        <translation>意向书金额</translation>
    </message>
    <message>
        <source>Value signed</source>
        <translation>已签署金额</translation>
    </message>
    <message>
        <source>Total (not cancelled)</source>
        <translation>合计（不含作废）</translation>
    </message>
    <message>
        <source>Purchase intents by status</source>
        <translation>按状态的意向书</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Results per staff member</source>
        <translation>每位员工的成果</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>热线索</translation>
    </message>
    <message>
        <source>Intents</source>
        <translation>意向书</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export leads</source>
        <translation>导出线索</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx): leads and interests sheets</source>
        <translation>Excel 工作簿（.xlsx）：线索表和意向车型表</translation>
    </message>
    <message>
        <source>CSV for Excel (.csv)</source>
        <translation>适用于 Excel 的 CSV（.csv）</translation>
    </message>
    <message>
        <source>Salesforce lead import (.csv)</source>
        <translation>Salesforce 潜在客户导入（.csv）</translation>
    </message>
    <message>
        <source>HubSpot contacts import (.csv)</source>
        <translation>HubSpot 联系人导入（.csv）</translation>
    </message>
    <message>
        <source>vCard contacts (.vcf)</source>
        <translation>电子名片 vCard（.vcf）</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Chinese)</source>
        <translation>UTF-8 带 BOM（Excel 可正确显示中文）</translation>
    </message>
    <message>
        <source>UTF-8 without BOM (scripts, CRM importers)</source>
        <translation>UTF-8 不带 BOM（脚本、CRM 导入工具）</translation>
    </message>
    <message>
        <source>GB18030 (older Chinese software)</source>
        <translation>GB18030（较旧的中文软件）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Which leads</source>
        <translation>导出哪些线索</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文字编码</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Mark these leads as exported</source>
        <translation>将这些线索标记为已导出</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) will be exported.</source>
        <translation>
            <numerusform>将导出 %n 条线索。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a manager can export leads: they hold personal data. Sign in as a manager to export.</source>
        <translation>只有经理可以导出线索（其中含有个人信息）。请以经理身份登录后导出。</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>vCard file (*.vcf)</source>
        <translation>vCard 文件 (*.vcf)</translation>
    </message>
    <message>
        <source>Please choose where to save the file.</source>
        <translation>请选择文件的保存位置。</translation>
    </message>
    <message>
        <source>%1 exists. Replace it when the export is complete?</source>
        <translation>%1 已存在。导出完成后是否替换它？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留原文件</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Writing %1 of %2 leads…</source>
        <translation>正在写入线索：%1 / %2…</translation>
    </message>
    <message>
        <source>Finishing the file…</source>
        <translation>正在完成文件…</translation>
    </message>
    <message>
        <source>Marking %1 of %2 leads as exported…</source>
        <translation>正在标记已导出的线索：%1 / %2…</translation>
    </message>
    <message>
        <source>Exported %1 lead(s) to %2.</source>
        <translation>已导出 %1 条线索到 %2。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>已取消，未写出文件。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ExportFilterPanel</name>
    <message>
        <source>Captured</source>
        <translation>采集日期</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>登记员工</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Consent purpose</source>
        <translation>同意用途</translation>
    </message>
    <message>
        <source>From the lead list</source>
        <translation>来自线索列表</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Find a model…</source>
        <translation>查找车型…</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>查找员工…</translation>
    </message>
    <message>
        <source>Find a device…</source>
        <translation>查找设备…</translation>
    </message>
    <message>
        <source>Only leads not exported before</source>
        <translation>仅导出从未导出过的线索</translation>
    </message>
    <message>
        <source>Drop these</source>
        <translation>不使用这些条件</translation>
    </message>
    <message>
        <source>Any (consent purposes not checked)</source>
        <translation>不限（不检查同意用途）</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>搜索“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n industries</source>
        <translation>
            <numerusform>%n 个行业</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up states</source>
        <translation>
            <numerusform>%n 种跟进状态</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chosen leads</source>
        <translation>
            <numerusform>选定的 %n 条线索</numerusform>
        </translation>
    </message>
</context>
</TS>
