// Only the ECharts parts the bus bandwidth chart needs. Imported lazily (import('./echarts')),
// so the chart library is its own chunk, fetched when a run has NCCL results to draw.
import * as echarts from 'echarts/core'
import { LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer])

export { echarts }
