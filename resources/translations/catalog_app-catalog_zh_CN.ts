<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BrowserBar</name>
    <message>
        <source>1 model</source>
        <translation>共 1 款车型</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>共 %1 款车型</translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>筛选（%1）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Search models (汉字, pinyin or initials)</source>
        <translation>搜索车型（汉字、拼音或首字母）</translation>
    </message>
    <message>
        <source>Type a model name, maker, exhibitor, announcement no. or spec text — in Chinese characters (简 or 繁), pinyin or initials. Enter selects the first model.</source>
        <translation>输入车型名称、厂商、参展商、公告型号或参数文字——可用汉字（简体或繁体）、拼音或首字母。按回车选中第一个车型。</translation>
    </message>
    <message>
        <source>Catalog order</source>
        <translation>目录顺序</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>价格从低到高</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>价格从高到低</translation>
    </message>
    <message>
        <source>Battery: largest first</source>
        <translation>电池电量从大到小</translation>
    </message>
    <message>
        <source>Range: longest first</source>
        <translation>续航从长到短</translation>
    </message>
    <message>
        <source>Payload: highest first</source>
        <translation>载质量从高到低</translation>
    </message>
    <message>
        <source>GCW: highest first</source>
        <translation>准拖挂总质量从高到低</translation>
    </message>
    <message>
        <source>Sort the models</source>
        <translation>车型排序方式</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Show the models as cards with pictures</source>
        <translation>以带图片的卡片显示车型</translation>
    </message>
    <message>
        <source>Show the models as a compact list</source>
        <translation>以紧凑列表显示车型</translation>
    </message>
</context>
<context>
    <name>CatalogBrowser</name>
    <message>
        <source>Preparing the search for %1 models…</source>
        <translation>正在为 %1 款车型准备搜索…</translation>
    </message>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation>无法读取车型目录：%1</translation>
    </message>
    <message>
        <source>No model matches &quot;%1&quot;. Try fewer letters or another spelling.</source>
        <translation>没有与“%1”匹配的车型。请减少字数或换一种写法再试。</translation>
    </message>
    <message>
        <source>No model matches these filters. Untick some, or clear them all.</source>
        <translation>没有符合这些筛选条件的车型。请取消部分勾选，或清除全部筛选。</translation>
    </message>
    <message>
        <source>The catalog is empty.

To try the app with the sample fair, quit and run:
catalog-app demo --start

To load your own models, import a catalog file (.json) or a workbook (.xlsx), then start the app again:
catalog-app import &lt;file&gt;</source>
        <translation>车型目录是空的。

如需用示例展会试用本程序，请退出后运行：
catalog-app demo --start

如需载入自己的车型，请导入目录文件（.json）或表格（.xlsx），然后重新启动程序：
catalog-app import &lt;文件&gt;</translation>
    </message>
    <message>
        <source>Up to %1 models can be compared; remove one first.</source>
        <translation>最多可同时对比 %1 款车型，请先移除一款。</translation>
    </message>
    <message>
        <source>More models could not be read: %1</source>
        <translation>无法读取更多车型：%1</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Up to %1 models can be compared; remove one first.</source>
        <translation>最多可同时对比 %1 款车型，请先移除一款。</translation>
    </message>
</context>
<context>
    <name>CompareTable</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>CompareTray</name>
    <message>
        <source>Remove %1 from the comparison</source>
        <translation>从对比中移除 %1</translation>
    </message>
    <message>
        <source>To compare (%1 of %2):</source>
        <translation>待对比（%1/%2）：</translation>
    </message>
    <message>
        <source>Compare →</source>
        <translation>开始对比 →</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>The models could not be read: %1</source>
        <translation>无法读取车型：%1</translation>
    </message>
    <message>
        <source>Comparison (%1 of %2)</source>
        <translation>车型对比（%1/%2）</translation>
    </message>
    <message>
        <source>Add another model to see what differs.</source>
        <translation>再加入一款车型，即可看到差异。</translation>
    </message>
    <message>
        <source>These models agree on every listed value.</source>
        <translation>这些车型的各项参数均相同。</translation>
    </message>
    <message>
        <source>Tinted rows differ between the models. ✓ in green marks the better value (by the field: e.g. longer range, lower energy use, lower price).</source>
        <translation>底色标出各车型不同的参数；绿色 ✓ 为该项更优的数值（按参数的优劣方向：如续航越长越好、电耗越低越好、价格越低越好）。</translation>
    </message>
    <message>
        <source>Save the comparison as PDF</source>
        <translation>将对比保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写出 PDF：%1</translation>
    </message>
    <message>
        <source>Comparison PDF</source>
        <translation>对比 PDF</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>No program to open PDF files was found for %1.</source>
        <translation>找不到可打开 PDF 文件的程序（%1）。</translation>
    </message>
    <message>
        <source>Print the comparison</source>
        <translation>打印车型对比</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已发送 %1 页到打印机。</translation>
    </message>
    <message>
        <source>← Back to the catalog</source>
        <translation>← 返回车型目录</translation>
    </message>
    <message>
        <source>Hide identical rows</source>
        <translation>隐藏相同项</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>清空对比</translation>
    </message>
    <message>
        <source>Nothing to compare yet.

Add up to 4 models with “+ Compare” on a card or “+ Add to comparison” on a model&apos;s page.</source>
        <translation>还没有待对比的车型。

在车型卡片上点“+ 对比”，或在车型详情页点“+ 加入对比”，最多可加入 4 款。</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Indicative price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>数值越高越好</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>数值越低越好</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Clear all filters</source>
        <translation>清除全部筛选</translation>
    </message>
    <message>
        <source>Body type</source>
        <translation>车型类别</translation>
    </message>
    <message>
        <source>Powertrain</source>
        <translation>动力形式</translation>
    </message>
    <message>
        <source>Drive form</source>
        <translation>驱动形式</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Find an exhibitor</source>
        <translation>查找参展商</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>No photo</source>
        <translation>暂无图片</translation>
    </message>
    <message>
        <source>The picture could not be read</source>
        <translation>无法读取图片</translation>
    </message>
</context>
<context>
    <name>ModelCardDelegate</name>
    <message>
        <source>✓ Comparing</source>
        <translation>✓ 已加入对比</translation>
    </message>
    <message>
        <source>+ Compare</source>
        <translation>+ 对比</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>暂无图片</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The spec sheet could not be read: %1</source>
        <translation>无法读取参数表：%1</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Choose a model to see its pictures and full spec sheet.</source>
        <translation>选择一个车型，即可查看其图片和完整参数表。</translation>
    </message>
    <message>
        <source>Model code %1</source>
        <translation>型号代码 %1</translation>
    </message>
    <message>
        <source>Announcement no. %1</source>
        <translation>公告型号 %1</translation>
    </message>
    <message>
        <source>Indicative price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>TCO vs diesel</source>
        <translation>TCO 对比柴油车</translation>
    </message>
    <message>
        <source>Capture interest</source>
        <translation>登记购车意向</translation>
    </message>
    <message>
        <source>Brochures</source>
        <translation>产品资料</translation>
    </message>
    <message>
        <source>Open PDF: %1</source>
        <translation>打开 PDF：%1</translation>
    </message>
    <message>
        <source>The brochure file is missing: %1</source>
        <translation>找不到产品资料文件：%1</translation>
    </message>
    <message>
        <source>No program to open PDF files was found for %1.</source>
        <translation>找不到可打开 PDF 文件的程序（%1）。</translation>
    </message>
    <message>
        <source>Up to %1 models can be compared; remove one first.</source>
        <translation>最多可同时对比 %1 款车型，请先移除一款。</translation>
    </message>
    <message>
        <source>✓ In comparison</source>
        <translation>✓ 已在对比中</translation>
    </message>
    <message>
        <source>+ Add to comparison</source>
        <translation>+ 加入对比</translation>
    </message>
</context>
<context>
    <name>OptionsBox</name>
    <message>
        <source>Options</source>
        <translation>选装配置</translation>
    </message>
    <message>
        <source>Add this option to the indicative price</source>
        <translation>将此选装计入指导价</translation>
    </message>
    <message>
        <source>included</source>
        <translation>已含</translation>
    </message>
    <message>
        <source>With the ticked options: %1</source>
        <translation>含所选配置：%1</translation>
    </message>
</context>
</TS>
