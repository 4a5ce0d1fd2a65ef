import { onMounted, shallowRef } from 'vue'
import { inventory, type NodePool, type Tenant } from '../api'

/** Pools and tenants for filter drop-downs (the first 500 of each). */
export function useInventoryChoices() {
  const pools = shallowRef<NodePool[]>([])
  const tenants = shallowRef<Tenant[]>([])
  onMounted(async () => {
    const [p, t] = await Promise.allSettled([inventory.pools({ page: 0, size: 500 }), inventory.tenants({ page: 0, size: 500 })])
    if (p.status === 'fulfilled') pools.value = p.value.items
    if (t.status === 'fulfilled') tenants.value = t.value.items
  })
  return { pools, tenants }
}
